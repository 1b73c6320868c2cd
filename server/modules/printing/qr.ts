import QRCode from 'qrcode';

/** The verify URL as a QR code PNG (error correction M, a quiet zone of 1 module). */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text || ' ', {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  });
}
