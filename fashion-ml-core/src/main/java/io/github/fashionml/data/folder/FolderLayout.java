package io.github.fashionml.data.folder;

/** How a folder of labelled images is laid out; told apart by whether it holds {@code train/} and {@code test/}. */
public enum FolderLayout {
    /** {@code <dir>/<class>/*}: the test images are chosen by content hash ({@link ContentSplit}). */
    CLASS_FOLDERS,
    /** {@code <dir>/train/<class>/*} and {@code <dir>/test/<class>/*}: the folder gives the split. */
    TRAIN_TEST_FOLDERS
}
