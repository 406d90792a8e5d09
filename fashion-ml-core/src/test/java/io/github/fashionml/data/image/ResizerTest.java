package io.github.fashionml.data.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link Resizer} against values worked out by hand with TensorFlow's half-pixel bilinear rule,
 * {@code src = (dst + 0.5) * in / out - 0.5}, clamped at the edges.
 */
class ResizerTest {
    private static DecodedImage grey(int height, int width, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new DecodedImage(height, width, 1, b);
    }

    private static int[] unsigned(DecodedImage image) {
        int[] out = new int[image.samples().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = image.samples()[i] & 0xFF;
        }
        return out;
    }

    @Test
    void twoByTwoToFourByFour() {
        // out 0..3 sample in 0..1 at -0.25 (clamped: in 0), 0.25, 0.75, 1.25 (clamped: in 1), so each axis weighs
        // (1, 0), (0.75, 0.25), (0.25, 0.75), (0, 1).
        // row 0 of 0, 100: 0, 25, 75, 100; row 3 of 200, 40: 200, 160, 80, 40
        // row 1 = 0.75 row 0 + 0.25 row 3: 50, 58.75, 76.25, 85; row 2 = 0.25 row 0 + 0.75 row 3: 150, 126.25, 78.75, 55
        DecodedImage out = Resizer.resize(grey(2, 2, 0, 100, 200, 40), 4, 4, ResizeMode.STRETCH);
        assertArrayEquals(new int[] {
                0, 25, 75, 100,
                50, 59, 76, 85,
                150, 126, 79, 55,
                200, 160, 80, 40}, unsigned(out));
    }

    @Test
    void halvesRoundUp() {
        // row 0 of 0, 2: 0, 0.5, 1.5, 2 -> 0, 1, 2, 2 (half up, not to even)
        DecodedImage out = Resizer.resize(grey(1, 2, 0, 2), 1, 4, ResizeMode.STRETCH);
        assertArrayEquals(new int[] {0, 1, 2, 2}, unsigned(out));
    }

    @Test
    void fourByFourToTwoByTwoAveragesEachBlock() {
        // out 0 and 1 sample in 0.5 and 2.5: the mean of each 2x2 block.
        // last block: top 100 + (110 - 100) * 0.5 = 105, bottom 141 + (151 - 141) * 0.5 = 146, 105 + 41 * 0.5 = 125.5
        DecodedImage out = Resizer.resize(grey(4, 4,
                0, 10, 20, 30,
                40, 50, 60, 70,
                80, 90, 100, 110,
                120, 130, 141, 151), 2, 2, ResizeMode.STRETCH);
        assertArrayEquals(new int[] {25, 45, 105, 126}, unsigned(out));
    }

    @Test
    void threeToTwo() {
        // scale 1.5: out 0 samples in 0.25 (0.75 of 0, 0.25 of 100), out 1 samples 1.75 (0.25 of 100, 0.75 of 200)
        assertArrayEquals(new int[] {25, 175}, unsigned(Resizer.resize(grey(1, 3, 0, 100, 200), 1, 2, ResizeMode.STRETCH)));
    }

    @Test
    void channelsInterpolateApart() {
        DecodedImage rgb = new DecodedImage(1, 2, 3, new byte[] {0, 100, (byte) 200, 100, 0, (byte) 255});
        // each axis weighs (1, 0), (0.75, 0.25), (0.25, 0.75), (0, 1)
        assertArrayEquals(new int[] {0, 100, 200, 25, 75, 214, 75, 25, 241, 100, 0, 255},
                unsigned(Resizer.resize(rgb, 1, 4, ResizeMode.STRETCH)));
    }

    @Test
    void theSameSizePassesThroughUntouched() {
        DecodedImage image = grey(2, 3, 1, 2, 3, 4, 5, 6);
        for (ResizeMode mode : ResizeMode.values()) {
            assertSame(image, Resizer.resize(image, 2, 3, mode));
        }
    }

    @Test
    void cropKeepsTheCentredBoxOfTheTargetAspect() {
        // 4 high, 6 wide to 2x2: box 4x4 from column 1 (Keras: crop_width = int(4 * 2 / 2) = 4, start int(2 / 2))
        assertEquals(new Resizer.Box(0, 1, 4, 4), Resizer.cropBox(4, 6, 2, 2));
        // 5x5 to 2 high, 3 wide: int(5 * 2 / 3) = 3 rows from row int(2 / 2) = 1, all 5 columns
        assertEquals(new Resizer.Box(1, 0, 3, 5), Resizer.cropBox(5, 5, 2, 3));
        // same aspect: nothing cut
        assertEquals(new Resizer.Box(0, 0, 10, 20), Resizer.cropBox(10, 20, 5, 10));

        // columns 0 and 5 (255) are cut away; what is left is the 4x4 of fourByFourToTwoByTwo
        DecodedImage out = Resizer.resize(grey(4, 6,
                255, 0, 10, 20, 30, 255,
                255, 40, 50, 60, 70, 255,
                255, 80, 90, 100, 110, 255,
                255, 120, 130, 141, 151, 255), 2, 2, ResizeMode.CROP);
        assertArrayEquals(new int[] {25, 45, 105, 126}, unsigned(out));
    }

    @Test
    void padFitsTheImageAndCentresItOnBlack() {
        // 2 high, 4 wide into 4x4: width fills, height round(2 * 4 / 4) = 2, from row 1
        assertEquals(new Resizer.Box(1, 0, 2, 4), Resizer.padBox(2, 4, 4, 4));
        DecodedImage out = Resizer.resize(grey(2, 4, 1, 2, 3, 4, 5, 6, 7, 8), 4, 4, ResizeMode.PAD);
        assertArrayEquals(new int[] {
                0, 0, 0, 0,
                1, 2, 3, 4,
                5, 6, 7, 8,
                0, 0, 0, 0}, unsigned(out));
        // 2x2 into 4 high, 7 wide: height fills, 4x4 from column floor(3 / 2) = 1; the odd margin pixel goes right
        assertEquals(new Resizer.Box(0, 1, 4, 4), Resizer.padBox(2, 2, 4, 7));
        // 3 high, 7 wide into 8x8: width fills, height round(3 * 8 / 7) = round(3.43) = 3, from row 2
        assertEquals(new Resizer.Box(2, 0, 3, 8), Resizer.padBox(3, 7, 8, 8));
        // a sliver stays at least one pixel
        assertEquals(new Resizer.Box(1, 0, 1, 3), Resizer.padBox(1, 1000, 3, 3));

        // 2x2 into 1 high, 3 wide: height fills, the image shrinks to 1x1 (mean of 2x2) in the middle column
        DecodedImage padded = Resizer.resize(grey(2, 2, 10, 20, 30, 40), 1, 3, ResizeMode.PAD);
        assertArrayEquals(new int[] {0, 25, 0}, unsigned(padded));
    }

    @Test
    void stretchChangesTheAspect() {
        DecodedImage out = Resizer.resize(grey(1, 2, 0, 100), 2, 1, ResizeMode.STRETCH);
        // each output row samples the one input row; the single column samples 0.5: the mean
        assertArrayEquals(new int[] {50, 50}, unsigned(out));
    }
}
