package com.retail.recon.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each column of an input file is, found by header name; unknown extra columns are ignored. */
public final class CsvHeader {

    /** Interned, so that looking up a column named by a string constant finds it by identity. */
    private final String[] names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private CsvHeader(String[] names) {
        this.names = names;
        for (int i = 0; i < names.length; i++) {
            indexByName.putIfAbsent(names[i], i);
        }
    }

    /** @throws InputFileException naming line 1 when a required column is missing */
    public static CsvHeader of(InputFile file, CsvRecord headerRecord) {
        if (headerRecord == null) {
            throw new InputFileException(file.fileName(), 1, "the file is empty: no header row");
        }
        String[] names = new String[headerRecord.fields().length];
        for (int i = 0; i < names.length; i++) {
            names[i] = headerRecord.fields()[i].trim().intern();
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
