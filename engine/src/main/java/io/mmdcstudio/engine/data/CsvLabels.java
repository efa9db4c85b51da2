package io.mmdcstudio.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code path,label} CSV file (UTF-8, RFC 4180 quoting, an optional header row, extra columns ignored)
 * and matches its rows to the loaded images.
 *
 * <p>Rows that name no loaded image are ignored (a header row is simply such a row) and counted in a log
 * warning; images without a row get {@link Labels#UNKNOWN}. A file in which no row matches any image is an
 * error, because it almost certainly belongs to other data.
 */
final class CsvLabels {

    private static final Logger LOG = LoggerFactory.getLogger(CsvLabels.class);

    private CsvLabels() {
    }

    /**
     * @param csv       the labels file
     * @param itemKeys  one key per loaded image
     * @param keyOfPath turns a CSV path field into a key comparable with {@code itemKeys}, or null when it
     *                  cannot name an image
     */
    static Labels read(Path csv, List<String> itemKeys, Function<String, String> keyOfPath) throws DataException {
        Map<String, String> labelByKey = new HashMap<>();
        int rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> fields = splitLine(line);
                if (fields.size() < 2 || fields.get(0).isBlank()) {
                    continue;
                }
                rows++;
                String key = keyOfPath.apply(fields.get(0).strip());
                String label = fields.get(1).strip();
                if (key != null && !label.isEmpty()) {
                    labelByKey.put(key, label);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException("Labels file not found: " + csv, e);
        } catch (IOException e) {
            throw new DataException("Cannot read labels file " + csv + ": "
                    + ImageDecoder.SkipReasons.describe(e), e);
        }
        return match(csv, rows, labelByKey, itemKeys);
    }

    private static Labels match(Path csv, int rows, Map<String, String> labelByKey, List<String> itemKeys)
            throws DataException {
        List<String> names = new ArrayList<>(itemKeys.size());
        int matched = 0;
        for (String key : itemKeys) {
            String label = labelByKey.get(key);
            names.add(label);
            matched += label == null ? 0 : 1;
        }
        if (matched == 0) {
            throw new DataException("None of the " + rows + " rows of " + csv + " names a loaded image");
        }
        if (matched < itemKeys.size()) {
            LOG.warn("{} of {} images have no label in {}; metrics use the labelled ones only",
                    itemKeys.size() - matched, itemKeys.size(), csv);
        }
        if (labelByKey.size() > matched) {
            LOG.warn("{} rows of {} name no loaded image", labelByKey.size() - matched, csv);
        }
        return Labels.fromNames(names);
    }

    /** Splits one CSV line; quoted fields may contain commas and doubled quotes (not line breaks). */
    static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch != '\uFEFF' || i > 0) {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
