/** The zip writer lives in src/zip/ (one zip module for readers and writers); this path stays for its importers. */
export * from '../../zip/write.js';
