import type { StoredDocument } from './application.types';

export type AllowedType = StoredDocument['contentType'];

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Executable formats, by their first bytes: Windows PE (MZ), ELF, Mach-O (both byte orders, fat), scripts. */
const EXECUTABLE_SIGNATURES: [string, number[]][] = [
  ['a Windows executable', [0x4d, 0x5a]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a Mach-O executable', [0xfe, 0xed, 0xfa, 0xce]],
  ['a Mach-O executable', [0xfe, 0xed, 0xfa, 0xcf]],
  ['a Mach-O executable', [0xce, 0xfa, 0xed, 0xfe]],
  ['a Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
  ['a Mach-O or Java class file', [0xca, 0xfe, 0xba, 0xbe]],
  ['a script', [0x23, 0x21]],
];

// PDF actions that run something when the file is opened: scripts, launching programs, embedded files.
const PDF_ACTIVE_CONTENT = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b/;

/**
 * What the bytes are, never what the file name or the Content-Type claim: PDF, JPEG or PNG by their magic
 * bytes, and nothing executable (an .exe renamed .pdf is still MZ…). Returns the type, or why it is refused.
 */
export function sniffDocument(bytes: Buffer): { type: AllowedType } | { refused: string } {
  for (const [what, signature] of EXECUTABLE_SIGNATURES) {
    if (startsWith(bytes, signature)) return { refused: `the file is ${what}; only PDF, JPEG and PNG documents are accepted` };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // latin1 keeps every byte as one character, so the search sees the raw PDF syntax
    return PDF_ACTIVE_CONTENT.test(bytes.toString('latin1')) ? { refused: 'the PDF contains scripts, launch actions or embedded files' } : { type: 'application/pdf' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'image/png' };
  return { refused: 'only PDF, JPEG and PNG documents are accepted (checked by content, not by name)' };
}

/** A file name safe to store and echo: no path, no control characters, bounded. */
export function safeFileName(name: string | undefined, type: AllowedType): string {
  const base = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim()
    .slice(0, 120);
  const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[type];
  return base && base !== '.' && base !== '..' ? base : `document.${extension}`;
}
