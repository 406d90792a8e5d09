package io.github.fashionml.data.image;

/**
 * What an image file's header says, read without decoding its pixels ({@link ImageDecoder#probe}).
 *
 * @param format      {@code png}, {@code jpeg}, {@code gif} or {@code bmp}, from the file's content (not its name)
 * @param width       pixels across as decoded, that is after the EXIF orientation (5 to 8 swap the stored sides)
 * @param height      pixels down as decoded
 * @param colour      false when the image is stored as grey: a grey colour model, or a palette whose entries all have
 *                    red = green = blue; an RGB image whose pixels happen to be grey is still colour here
 * @param alpha       whether the image stores transparency (an alpha channel, or a palette with transparent entries)
 * @param orientation the EXIF orientation, 1 (as stored) to 8; 1 for every format but JPEG
 */
public record ImageInfo(String format, int width, int height, boolean colour, boolean alpha, int orientation) {
}
