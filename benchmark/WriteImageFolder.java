import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Writes Fashion-MNIST's 60,000 training images (from Debian's dataset-fashion-mnist) as 28x28 grey PNGs into
 * DIR/<class>/<index>.png, for benchmark/image-folder.sh. Usage: java benchmark/WriteImageFolder.java DIR [COUNT]
 */
public final class WriteImageFolder {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        String source = "/usr/share/datasets/fashion-mnist/";
        byte[] images;
        byte[] labels;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(
                new FileInputStream(source + "train-images-idx3-ubyte.gz")))) {
            images = in.readAllBytes();
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(
                new FileInputStream(source + "train-labels-idx1-ubyte.gz")))) {
            labels = in.readAllBytes();
        }
        String[] names = {"T-shirt_top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle_boot"};
        for (String name : names) {
            Files.createDirectories(root.resolve(name));
        }
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, 28, 28, java.util.Arrays.copyOfRange(images, 16 + i * 784,
                    16 + (i + 1) * 784));
            ImageIO.write(image, "png", root.resolve(names[labels[8 + i]]).resolve(i + ".png").toFile());
        }
    }
}
