package dev.funnel.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

import dev.funnel.imports.FileRejectedException.Reason;

/**
 * Reads an uploaded CSV file as it arrives, never holding more than a buffer of it
 * (docs/imports.md, "The file"): the encoding and the delimiter are found from its first 64 KiB,
 * then FastCSV parses it (RFC 4180: quoted fields, quotes doubled inside them, line breaks inside
 * quotes). Every way a file can be unreadable is a {@link FileRejectedException}.
 */
final class CsvFile {

    static final int SAMPLE = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What the reader found out about the file. */
    record Format(Charset encoding, boolean bom, char delimiter) {

        String encodingName() {
            return encoding == StandardCharsets.UTF_8 ? (bom ? "UTF-8 (BOM)" : "UTF-8") : "windows-1252";
        }
    }

    /** A row of the file: where it starts, and its fields. */
    record Row(int line, List<String> fields) {
    }

    private final CountingStream counted;
    private final Format format;
    private final CsvReader<CsvRecord> reader;
    private final int maxColumns;
    private final int maxFieldSize;

    private CsvFile(CountingStream counted, Format format, CsvReader<CsvRecord> reader, int maxColumns, int maxFieldSize) {
        this.counted = counted;
        this.format = format;
        this.reader = reader;
        this.maxColumns = maxColumns;
        this.maxFieldSize = maxFieldSize;
    }

    /** Opens a file: reads its first 64 KiB to find its encoding and delimiter. */
    static CsvFile open(InputStream body, long maxBytes, int maxColumns, int maxFieldSize) {
        CountingStream counted = new CountingStream(body, maxBytes);
        BufferedInputStream in = new BufferedInputStream(counted, SAMPLE);
        byte[] sample;
        try {
            in.mark(SAMPLE);
            sample = in.readNBytes(SAMPLE);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sample.length == 0) {
            throw new FileRejectedException(Reason.EMPTY_FILE, "The file is empty: send a CSV file with a header row and one row per contact");
        }
        refuseBinary(sample);
        boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
        Charset encoding = bom || isUtf8(sample, sample.length < SAMPLE) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        int start = bom ? 3 : 0;
        char delimiter = delimiter(new String(sample, start, sample.length - start, encoding));
        try {
            in.skipNBytes(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CsvRecordHandler handler = CsvRecordHandler.builder().maxFields(maxColumns).maxFieldSize(maxFieldSize)
                .maxRecordSize(Math.max(4 * maxFieldSize, 1 << 20)).build();
        CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).allowUnclosedQuote(false)
                .build(handler, new InputStreamReader(in, decoder));
        return new CsvFile(counted, new Format(encoding, bom, delimiter), reader, maxColumns, maxFieldSize);
    }

    Format format() {
        return format;
    }

    /** Bytes read so far. */
    long bytes() {
        return counted.count;
    }

    /**
     * Reads the header row, then hands every other row to {@code rows} in file order. Rows whose
     * fields are all blank (the ";;;;" lines spreadsheets leave) are passed over.
     */
    List<String> read(Consumer<Row> rows) {
        List<String> header = null;
        try {
            Iterator<CsvRecord> records = reader.iterator();
            while (records.hasNext()) {
                CsvRecord r = records.next();
                if (header == null) {
                    header = r.getFields().stream().map(String::strip).toList();
                    if (header.stream().allMatch(String::isEmpty)) {
                        throw new FileRejectedException(Reason.NO_HEADER,
                                "The first row of the file must name its columns (displayName, email...): it is blank");
                    }
                    continue;
                }
                if (r.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.accept(new Row(Math.toIntExact(r.getStartingLineNumber()), r.getFields()));
            }
        } catch (CsvParseException e) {
            throw rejected(e);
        } catch (UncheckedIOException e) {
            throw rejected(e);
        }
        if (header == null) {
            throw new FileRejectedException(Reason.EMPTY_FILE, "The file holds no row at all: send a header row and one row per contact");
        }
        return header;
    }

    /** The file's failure, as one of the reasons of docs/imports.md. */
    private FileRejectedException rejected(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileRejectedException f) {
                return f;
            }
            if (t instanceof CharacterCodingException) {
                return new FileRejectedException(Reason.ENCODING, "The file is not valid " + format.encodingName()
                        + " text after its first " + SAMPLE / 1024 + " KiB: save it as UTF-8 and send it again");
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("max field size") || message.contains("max record size")) {
                return new FileRejectedException(Reason.FIELD_TOO_LARGE, "A field is longer than " + maxFieldSize
                        + " characters (" + message + ")");
            }
            if (message.contains("maximum limit of")) {
                return new FileRejectedException(Reason.TOO_MANY_COLUMNS, "A row has more than " + maxColumns
                        + " columns (" + message + ")");
            }
        }
        if (e instanceof UncheckedIOException io) {
            throw io;
        }
        return new FileRejectedException(Reason.MALFORMED_CSV, "The file is not well-formed CSV: " + e.getMessage());
    }

    /** Text files hold no NUL byte; spreadsheets and archives do. */
    private static void refuseBinary(byte[] sample) {
        if (sample.length >= 2 && ((sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE
                || (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF)) {
            throw new FileRejectedException(Reason.ENCODING, "The file is UTF-16 text: save it as CSV UTF-8 and send it again");
        }
        if (sample.length >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4) {
            throw new FileRejectedException(Reason.BINARY_FILE,
                    "The file is a ZIP archive (an .xlsx or .ods workbook?): save the sheet as CSV and send that");
        }
        for (byte b : sample) {
            if (b == 0) {
                throw new FileRejectedException(Reason.BINARY_FILE, "The file is not text (it holds NUL bytes): send a CSV file");
            }
        }
    }

    /** Strict UTF-8; a sequence cut at the end of a sample that is not the whole file is allowed. */
    static boolean isUtf8(byte[] bytes, boolean whole) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, whole);
        if (result.isError()) {
            return false;
        }
        return whole ? !decoder.flush(out).isError() && !in.hasRemaining() : in.remaining() < 4;
    }

    /** The delimiter the header row uses most among ; , and tab (outside quotes); a comma if none. */
    static char delimiter(String head) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Counts what goes through, and refuses to go past the size limit. */
    private static final class CountingStream extends FilterInputStream {

        private final long max;
        long count;

        CountingStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw new FileRejectedException(Reason.FILE_TOO_LARGE, "The file is larger than " + max
                        + " bytes (funnel.imports.max-file-size)");
            }
        }
    }
}
