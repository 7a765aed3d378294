/**
 * `/favicon.ico` for the try-it page: a 16×16 icon (the header's aubergine, a white ring), built once as
 * an ICO file holding one 32-bit BMP image (ICONDIR, ICONDIRENTRY, BITMAPINFOHEADER, pixels bottom-up,
 * AND mask), so browsers stop asking for a file that is not there.
 */
const SIZE = 16;

function pixel(x: number, y: number): [number, number, number, number] {
  const d = Math.hypot(x - 7.5, y - 7.5);
  if (d > 7.5) return [0, 0, 0, 0];
  const ring = d > 3.2 && d < 5.4 && !(x > 9 && Math.abs(y - 7.5) < 2.2);
  return ring ? [255, 255, 255, 255] : [0x40, 0x0e, 0x3f, 255]; // BGRA
}

function buildIcon(): Buffer {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // 1 bit per pixel, rows padded to 4 bytes
  const image = 40 + pixels + mask;
  const buf = Buffer.alloc(6 + 16 + image);
  buf.writeUInt16LE(0, 0);
  buf.writeUInt16LE(1, 2); // type: icon
  buf.writeUInt16LE(1, 4); // one image
  buf.writeUInt8(SIZE, 6);
  buf.writeUInt8(SIZE, 7);
  buf.writeUInt16LE(1, 10); // planes
  buf.writeUInt16LE(32, 12); // bits per pixel
  buf.writeUInt32LE(image, 14);
  buf.writeUInt32LE(22, 18); // offset of the image
  const h = 22;
  buf.writeUInt32LE(40, h);
  buf.writeInt32LE(SIZE, h + 4);
  buf.writeInt32LE(SIZE * 2, h + 8); // XOR + AND heights
  buf.writeUInt16LE(1, h + 12);
  buf.writeUInt16LE(32, h + 14);
  buf.writeUInt32LE(pixels + mask, h + 20);
  let at = h + 40;
  for (let row = SIZE - 1; row >= 0; row--) {
    for (let x = 0; x < SIZE; x++) for (const byte of pixel(x, row)) buf.writeUInt8(byte, at++);
  }
  return buf; // the AND mask stays zero: the alpha channel decides
}

export const FAVICON: Buffer = buildIcon();
