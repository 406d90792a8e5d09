/**
 * A folder of labelled images as a data set (issue #25): its classes, its train and test images with their
 * SHA-256 values, and one digest; no pixels are decoded here. Entry point: {@link
 * io.github.fashionml.data.folder.FolderIndexer#index}.
 *
 * <h2>Layout</h2>
 * Either {@code <dir>/<class>/…} (one sub-folder per class; the test images are chosen by content hash, see
 * {@link io.github.fashionml.data.folder.ContentSplit}), or {@code <dir>/train/<class>/…} and
 * {@code <dir>/test/<class>/…} (the folders give the split). {@code train} and {@code test} are recognised in any
 * case, so {@code Train/} is never taken for a class. A folder with {@code train/} or {@code test/} beside other
 * folders, or with only one of the two, is an error that names both fixes. Class folders are walked recursively;
 * images directly in {@code <dir>}, {@code train/} or {@code test/} have no class and are skipped and counted.
 *
 * <h2>Files</h2>
 * Images: {@code png, jpg, jpeg, bmp, gif} in any case. Dot-files and dot-folders ({@code .DS_Store},
 * {@code .ipynb_checkpoints}, macOS's {@code ._*}) are skipped by name and counted; so are other files, by
 * extension. Symbolic links are skipped and counted unless {@code followLinks}; followed links to a folder above
 * them are cycles, skipped and counted. See {@link io.github.fashionml.data.folder.SkippedEntries}.
 *
 * <h2>Classes</h2>
 * In {@link io.github.fashionml.data.folder.NaturalOrder} by default (digit runs as numbers, the rest by code
 * point after NFC), or as {@code classNames} lists them. Every chosen class folder needs at least one image, on
 * each side of a {@code train/}/{@code test/} layout: the test side may lack no class. Without
 * {@code classNames}, the two sides must have the same class folders; with it, folders it does not name are
 * skipped on either side (and listed in the skipped entries). At least two classes. Train and test share one class
 * index.
 *
 * <h2>Index cache</h2>
 * The index file keeps each image's size, mtime (as fine as the file system keeps it) and SHA-256 by relative
 * path. An image whose size and mtime match its entry is not read. Like git, an image modified within seconds
 * before it was read is marked racy and read again next time, since a file system storing mtimes in coarse steps
 * could hide a second change (so is one with an mtime in the future, e.g. from a skewed network file system: it is
 * read on every run). Size and mtime are compared, not ctime, which backups and permission changes touch without
 * changing content. A missing, corrupt or foreign index file is ignored with a warning. Only the images
 * of the chosen classes are kept in the index: choosing other classes counts the dropped ones as removed.
 *
 * <h2>Names</h2>
 * Relative paths use {@code /} and NFC in every segment; two names in one folder that are equal after NFC are an
 * error. Everything that reaches the digest, the split or the order is independent of the OS, file system, locale
 * and creation order.
 */
package io.github.fashionml.data.folder;
