package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each column of an input file is, found by header name; unknown extra columns are ignored. Names are
 * trimmed as values are ({@link Trimming}); every column must have a name, and no name may occur twice (nor
 * differ only in case): which of two columns holds the value would be a guess.
 */
public final class CsvHeader {

    /** Interned, so that looking up a column named by a string constant finds it by identity. */
    private final String[] names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private CsvHeader(String[] names) {
        this.names = names;
        for (int i = 0; i < names.length; i++) {
            indexByName.put(names[i], i);
        }
    }

    /** @throws InputFileException naming the header's line when a column is unnamed, named twice, or missing */
    public static CsvHeader of(InputFile file, CsvRecord headerRecord) {
        if (headerRecord == null) {
            throw new InputFileException(file.fileName(), 1, "the file is empty: no header row");
        }
        String[] names = new String[headerRecord.fields().length];
        Map<String, Integer> columnByFolded = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            names[i] = Trimming.trim(headerRecord.fields()[i]).intern();
            if (names[i].isEmpty()) {
                throw new InputFileException(file.fileName(), headerRecord.lineNumber(),
                        "column " + (i + 1) + " of the header has no name");
            }
            Integer earlier = columnByFolded.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new InputFileException(file.fileName(), headerRecord.lineNumber(), "columns " + (earlier + 1)
                        + " and " + (i + 1) + " of the header are both named " + names[earlier]
                        + (names[i].equals(names[earlier]) ? "" : " (ignoring case: " + names[i] + ")")
                        + "; which one holds the values would be a guess");
            }
        }
        CsvHeader header = new CsvHeader(names);
        List<String> missing = file.columns().stream().filter(c -> !header.indexByName.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputFileException(file.fileName(), headerRecord.lineNumber(),
                    "required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + " missing from the header");
        }
        return header;
    }

    /** Called for every field of every row: a few identity comparisons beat hashing the name. */
    int indexOf(String column) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == column) {
                return i;
            }
        }
        return indexByName.get(column);
    }

    int size() {
        return names.length;
    }

    String nameAt(int index) {
        return names[index];
    }
}
