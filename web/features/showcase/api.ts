// 成果展示's enterprise changes: saving the draft (saveShowcase), adding and removing an image
// (uploadShowcaseImage, deleteShowcaseImage), submitting (submitShowcase) and withdrawing
// (withdrawShowcase). Every change answers with the showcase, which replaces the cached one. The
// reads (listMyShowcases, getShowcase) are in web/lib/showcase.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveShowcaseInput } from '../../../domain/showcase';
import { api } from '../../lib/api';
import { myShowcasesKey, showcaseBase, showcaseKey, type ShowcaseView } from '../../lib/showcase';

/** A change's answer is the showcase now: cached as it is, the enterprise's list reloads. */
function useShowcaseChange<V>(publicId: string, request: (v: V) => Promise<ShowcaseView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => qc.setQueryData(showcaseKey(publicId), view),
    onSettled: () => void qc.invalidateQueries({ queryKey: myShowcasesKey }),
  });
}

export function useSaveShowcase(publicId: string) {
  return useShowcaseChange(publicId, (body: SaveShowcaseInput) =>
    api<ShowcaseView>(showcaseBase(publicId), { method: 'PUT', body }),
  );
}

export function useUploadShowcaseImage(publicId: string) {
  return useShowcaseChange(publicId, (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return api<ShowcaseView>(`${showcaseBase(publicId)}/images`, { method: 'POST', body });
  });
}

export function useDeleteShowcaseImage(publicId: string) {
  return useShowcaseChange(publicId, (imageId: string) =>
    api<ShowcaseView>(`${showcaseBase(publicId)}/images/${encodeURIComponent(imageId)}`, {
      method: 'DELETE',
    }),
  );
}

export function useSubmitShowcase(publicId: string) {
  return useShowcaseChange(publicId, (version: number | null) =>
    api<ShowcaseView>(`${showcaseBase(publicId)}/submit`, { method: 'POST', body: { version } }),
  );
}

export function useWithdrawShowcase(publicId: string) {
  return useShowcaseChange(publicId, (version: number | null) =>
    api<ShowcaseView>(`${showcaseBase(publicId)}/withdraw`, { method: 'POST', body: { version } }),
  );
}
