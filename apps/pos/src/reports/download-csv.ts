/** Offers `csv` to the browser as a file download named `fileName`. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob when the click is handled, so it can be released on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
