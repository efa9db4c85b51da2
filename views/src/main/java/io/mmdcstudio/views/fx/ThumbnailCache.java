package io.mmdcstudio.views.fx;

import io.mmdcstudio.engine.data.ImageDataset;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Thumbnails drawn straight from a dataset's network-size pixels, made on demand and kept in a bounded LRU
 * cache. Only images on screen ever exist as JavaFX images, so a 70,000-image dataset costs a few megabytes here.
 * Use on the FX thread only.
 */
public final class ThumbnailCache {

    /** Images kept: a screenful of gallery and map, with room to scroll back. */
    private static final int CAPACITY = 4096;

    private final Map<Integer, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    private ImageDataset data;

    /** Switches to another dataset (or none), forgetting every thumbnail. */
    public void setDataset(ImageDataset dataset) {
        if (dataset != data) {
            data = dataset;
            cache.clear();
        }
    }

    /** The dataset thumbnails are drawn from, or null. */
    public ImageDataset dataset() {
        return data;
    }

    /** The thumbnail of image {@code index}, or null without a dataset or for an index out of range. */
    public Image get(int index) {
        if (data == null || index < 0 || index >= data.size()) {
            return null;
        }
        return cache.computeIfAbsent(index, this::draw);
    }

    private Image draw(int index) {
        return render(data, index);
    }

    /** An image of dataset image {@code index} at its stored size (uint8 gray or RGB planes to ARGB). */
    public static Image render(ImageDataset data, int index) {
        int w = data.width();
        int h = data.height();
        int plane = w * h;
        int base = index * data.imageBytes();
        byte[] p = data.pixels();
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r;
            int g;
            int b;
            if (data.channels() == 1) {
                r = p[base + i] & 0xFF;
                g = r;
                b = r;
            } else {
                r = p[base + i] & 0xFF;
                g = p[base + plane + i] & 0xFF;
                b = p[base + 2 * plane + i] & 0xFF;
            }
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
