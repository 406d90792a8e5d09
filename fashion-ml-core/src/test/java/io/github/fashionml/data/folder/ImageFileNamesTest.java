package io.github.fashionml.data.folder;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFileNamesTest {

    @Test
    void imageExtensionsMatchInAnyCase() {
        for (String name : new String[] {"a.png", "B.PNG", "c.Jpg", "d.JPEG", "e.jpeg", "f.bmp", "g.GIF", "h.x.Png"}) {
            assertTrue(ImageFileNames.isImage(name), name);
        }
        for (String name : new String[] {"a.txt", "b.png.txt", "png", "c.", "d.webp", "e.tiff"}) {
            assertFalse(ImageFileNames.isImage(name), name);
        }
    }

    @Test
    void hiddenNamesAreNotImagesEvenWithAnImageExtension() {
        assertTrue(ImageFileNames.isHidden("._cat.png"));
        assertTrue(ImageFileNames.isHidden(".DS_Store"));
        assertTrue(ImageFileNames.isHidden(".ipynb_checkpoints"));
        assertFalse(ImageFileNames.isImage("._cat.png"));
        assertFalse(ImageFileNames.isImage(".png"));
    }

    @Test
    void extensionsAreLowerCasedWithoutTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("gif", ImageFileNames.extension("ICON.GIF"), "Turkish would make it 'gıf'");
            assertTrue(ImageFileNames.isImage("ICON.GIF"));
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(ImageFileNames.NO_EXTENSION, ImageFileNames.extension("LICENSE"));
        assertEquals(ImageFileNames.NO_EXTENSION, ImageFileNames.extension("odd."));
        assertEquals("csv", ImageFileNames.extension("labels.CSV"));
    }
}
