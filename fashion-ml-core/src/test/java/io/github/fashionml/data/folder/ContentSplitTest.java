package io.github.fashionml.data.folder;

import io.github.fashionml.util.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentSplitTest {

    @Test
    void thePositionIsAFixedFunctionOfTheContentHash() {
        String empty = Sha256.of(new byte[0]);
        double position = ContentSplit.position(empty);
        assertEquals(position, ContentSplit.position(empty));
        assertTrue(position >= 0 && position < 1, "position " + position);
        // Pinned (computed independently with Python hashlib): a change here moves images between train and test
        // in every user's data set.
        assertEquals(0x1.792d711347ed8p-2, position, "position of the empty file: " + Double.toHexString(position));
    }

    @Test
    void aLargerFractionOnlyAddsTestImages() {
        for (int i = 0; i < 200; i++) {
            String sha = Sha256.of(("image " + i).getBytes(StandardCharsets.UTF_8));
            if (ContentSplit.isTest(sha, 0.1)) {
                assertTrue(ContentSplit.isTest(sha, 0.3), "image " + i);
            }
            assertFalse(ContentSplit.position(sha) < 0);
        }
    }

    @Test
    void aboutTheFractionOfImagesIsHeldOut() {
        int n = 20_000;
        int test = 0;
        for (int i = 0; i < n; i++) {
            if (ContentSplit.isTest(Sha256.of(("image " + i).getBytes(StandardCharsets.UTF_8)), 0.2)) {
                test++;
            }
        }
        // Binomial(20000, 0.2): standard deviation ~57; 5 of them either side.
        assertTrue(Math.abs(test - 4_000) < 285, test + " of " + n);
    }
}
