/**
 * The files in a drop, folders included (Google Photos takes a dropped folder too). Uses the
 * entries API where the browser has it; otherwise the plain file list.
 */
export async function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((entry): entry is FileSystemEntry => !!entry);
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  for (const entry of entries) await collect(entry, files);
  return files;
}

async function collect(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (entry.name.startsWith('.')) return; // .DS_Store, .thumbnails: never what was meant
  if (isFile(entry)) {
    into.push(await new Promise<File>((resolve, reject) => entry.file(resolve, reject)));
  } else if (isDirectory(entry)) {
    const reader = entry.createReader();
    // readEntries answers in batches (100 in Chromium) until it answers none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (batch.length === 0) break;
      for (const child of batch) await collect(child, into);
    }
  }
}

const isFile = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;
const isDirectory = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;

/** Whether a drag carries files (not text or a link dragged within the page). */
export const dragHasFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');
