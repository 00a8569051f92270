package com.retail.recon.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the records of an RFC 4180 file one at a time, keeping each record's starting line number and
 * raw text: strict UTF-8 (invalid bytes stop the file), LF or CRLF line endings, a leading byte-order mark,
 * blank lines, and the physical line numbers rejects and errors name. {@link RecordParser} splits fields.
 * A record longer than {@link #MAX_RECORD_CHARS} stops the file: an endless line (a device, a quoted field
 * never closed in a huge file) must not exhaust the memory. Only regular files are opened.
 * (opencsv's RFC4180Parser was used first, but it accepts text after a closing quote and then swallows the
 * following lines into one record, silently merging rows.)
 */
public final class CsvRecordReader implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The longest record read (its raw text, all its lines, in chars): 1 Mi, far above any real row. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private final String fileName;
    private final InputStream in;
    private final RecordParser parser = new RecordParser();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private long linesRead;
    /** The line where the record being read starts, for the error of a record too long. */
    private long recordStart;
    private boolean atStart = true;
    private boolean endOfBytes;
    private boolean malformed;
    private boolean decodedAll;
    private long bytesRead;
    /** How the last line read ended: a line break inside a quoted field is kept as it was written. */
    private String lastLineEnding = "\n";

    public CsvRecordReader(Path file) throws IOException {
        this(file.getFileName().toString(), Files.newInputStream(InboxPaths.requireRegularFile(file)));
    }

    public CsvRecordReader(String fileName, InputStream in) {
        this.fileName = fileName;
        this.in = in;
    }

    /**
     * Reads only the records of one {@link FileRanges.Range} of the file, naming lines as a reader of the
     * whole file would.
     */
    public CsvRecordReader(Path file, FileRanges.Range range) throws IOException {
        this(file.getFileName().toString(), rangeOf(file, range));
        this.linesRead = range.firstLine() - 1;
        this.atStart = range.start() == 0;
    }

    private static InputStream rangeOf(Path file, FileRanges.Range range) throws IOException {
        InputStream in = Files.newInputStream(InboxPaths.requireRegularFile(file));
        try {
            in.skipNBytes(range.start());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BoundedInputStream(in, range.end() - range.start());
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public CsvRecord next() throws IOException {
        String first;
        do {
            recordStart = linesRead + 1;
            first = readLine(MAX_RECORD_CHARS);
            if (first == null) {
                return null;
            }
        } while (isBlank(first));

        long startLine = linesRead;
        boolean complete = feed(first, startLine);
        if (complete) {
            return new CsvRecord(startLine, parser.take(), first);
        }
        StringBuilder raw = new StringBuilder(first);
        while (!complete) {
            String lineBreak = lastLineEnding;
            String more = readLine(MAX_RECORD_CHARS - raw.length() - lineBreak.length());
            if (more == null) {
                throw new InputFileException(fileName, startLine,
                        "a quoted field is not terminated before the end of the file (truncated export?)");
            }
            raw.append(lineBreak).append(more);
            complete = feed(lineBreak, more, startLine);
        }
        return new CsvRecord(startLine, parser.take(), raw.toString());
    }

    private InputFileException tooLong() {
        return new InputFileException(fileName, recordStart, String.format(java.util.Locale.ROOT,
                "a record longer than %,d characters, the most recon reads as one record (a quoted field left open?)",
                MAX_RECORD_CHARS));
    }

    private boolean feed(String line, long startLine) {
        return feed("", line, startLine);
    }

    private boolean feed(String lineBreak, String line, long startLine) {
        try {
            return parser.feed(lineBreak, line);
        } catch (RecordParser.Malformed e) {
            throw new InputFileException(fileName, linesRead, e.getMessage()
                    + (linesRead != startLine ? " (in the record starting at line " + startLine + ")" : ""));
        }
    }

    /** Empty, or only spaces and tabs: not a record. */
    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Bytes taken from the file so far (a little ahead of the records returned): for progress. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Physical lines consumed so far (the header is line 1). */
    public long linesRead() {
        return linesRead;
    }

    /**
     * One physical line without its LF or CRLF terminator, or null at the end of the file. A line that lies
     * within the decoded buffer becomes a string in one copy; only a line that spans two buffers is gathered,
     * and no further than {@code maxChars} (then the record is too long).
     */
    private String readLine(int maxChars) throws IOException {
        StringBuilder spill = null;
        String text;
        boolean crlf;
        while (true) {
            if (position == limit && !fill()) {
                if (spill == null) {
                    return null;
                }
                crlf = endsWithCr(spill);
                text = spill.substring(0, spill.length() - (crlf ? 1 : 0));
                break;
            }
            char[] array = chars.array();
            int start = position;
            int end = start;
            while (end < limit && array[end] != '\n') {
                end++;
            }
            if (end < limit) {
                position = end + 1;
                if (spill == null) {
                    crlf = end > start && array[end - 1] == '\r';
                    text = new String(array, start, end - start - (crlf ? 1 : 0));
                } else {
                    spill.append(array, start, end - start);
                    crlf = endsWithCr(spill);
                    text = spill.substring(0, spill.length() - (crlf ? 1 : 0));
                }
                break;
            }
            if (spill == null) {
                spill = line;
                spill.setLength(0);
            }
            spill.append(array, start, limit - start);
            position = limit;
            if (spill.length() > maxChars + 1) {   // + 1: the CR of a CRLF may follow
                throw tooLong();
            }
        }
        linesRead++;
        lastLineEnding = crlf ? "\r\n" : "\n";
        if (atStart) {
            atStart = false;
            if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                text = text.substring(1);
            }
        }
        if (text.length() > maxChars) {
            throw tooLong();
        }
        return text;
    }

    private static boolean endsWithCr(StringBuilder text) {
        return text.length() > 0 && text.charAt(text.length() - 1) == '\r';
    }

    /**
     * Decodes the next characters. Decoding stops at the first invalid byte; the characters before it are
     * handed out first, so that the error names the line the bad byte is on.
     */
    private boolean fill() throws IOException {
        if (malformed) {
            throw new InputFileException(fileName, linesRead + 1, "bytes that are not valid UTF-8");
        }
        if (decodedAll) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!bytes.hasRemaining() && !endOfBytes) {
                bytes.clear();
                int n = in.read(bytes.array(), 0, bytes.capacity());
                bytesRead += Math.max(n, 0);
                endOfBytes = n < 0;
                bytes.limit(Math.max(n, 0));
            }
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                malformed = true;
                if (chars.position() == 0) {
                    throw new InputFileException(fileName, linesRead + 1, "bytes that are not valid UTF-8");
                }
                break;
            }
            if (endOfBytes) {
                decoder.flush(chars);
                decodedAll = true;
                if (chars.position() == 0) {
                    return false;
                }
                break;
            }
            if (result.isUnderflow() && bytes.hasRemaining()) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                bytesRead += Math.max(n, 0);
                endOfBytes = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0));
                bytes.flip();
            }
        }
        position = 0;
        limit = chars.position();
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
