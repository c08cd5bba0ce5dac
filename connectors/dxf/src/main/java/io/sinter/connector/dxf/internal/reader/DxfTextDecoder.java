package io.sinter.connector.dxf.internal.reader;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bytes of a DXF string value into text: the drawing's charset, then the {@code \U+XXXX} and
 * {@code \M+nXXXX} escapes. Not thread-safe (it reuses a decoder); one instance belongs to one reader.
 *
 * <p>Which charset: from {@code $ACADVER} AC1021 (R2007) on, DXF files are UTF-8. Older files use
 * {@code $DWGCODEPAGE}. When neither tells (no header, or an R12 file without a code page) the text is decoded as
 * UTF-8 if it is valid UTF-8 and as windows-1252 otherwise: many programs write such files in UTF-8, and windows-1252
 * text is practically never valid UTF-8 once it holds a non-ASCII character.
 */
public final class DxfTextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int FIRST_UTF8_VERSION = 1021;

    private final Charset charset;
    private final boolean utf8WithFallback;
    private final boolean decodeEscapes;
    private CharsetDecoder strictUtf8;

    private DxfTextDecoder(Charset charset, boolean utf8WithFallback, boolean decodeEscapes) {
        this.charset = charset;
        this.utf8WithFallback = utf8WithFallback;
        this.decodeEscapes = decodeEscapes;
    }

    /**
     * @return a decoder that maps each byte to the char of the same value (ISO-8859-1) and leaves escapes alone;
     *         used until the header is known, its strings are {@link #redecode(String) re-decoded} afterwards
     */
    public static DxfTextDecoder raw() {
        return new DxfTextDecoder(StandardCharsets.ISO_8859_1, false, false);
    }

    /** @return a decoder for a known charset, decoding escapes */
    public static DxfTextDecoder of(Charset charset) {
        return new DxfTextDecoder(charset, false, true);
    }

    /** @return a decoder that takes valid UTF-8 as UTF-8 and anything else as windows-1252, decoding escapes */
    public static DxfTextDecoder utf8WithFallback() {
        return new DxfTextDecoder(StandardCharsets.UTF_8, true, true);
    }

    /**
     * Chooses the decoder for a drawing.
     *
     * @param acadVer     the {@code $ACADVER} value, or {@code null} when unknown
     * @param dwgCodePage the {@code $DWGCODEPAGE} value, or {@code null} when absent
     * @param problems    receives a message when the code page is not understood
     * @return UTF-8 for AC1021 and later, else the code page's charset, else {@link #utf8WithFallback()}
     */
    public static DxfTextDecoder forDrawing(String acadVer, String dwgCodePage, List<String> problems) {
        if (versionNumber(acadVer) >= FIRST_UTF8_VERSION) {
            return of(StandardCharsets.UTF_8);
        }
        if (dwgCodePage == null || dwgCodePage.isBlank()) {
            return utf8WithFallback();
        }
        Optional<Charset> charset = DxfCodePages.charsetFor(dwgCodePage);
        if (charset.isEmpty()) {
            problems.add("unknown $DWGCODEPAGE '" + dwgCodePage.trim() + "': text is read as UTF-8 where valid,"
                    + " else as windows-1252");
            return utf8WithFallback();
        }
        return of(charset.get());
    }

    /** @return the number of an {@code ACnnnn} version string, or -1 */
    static int versionNumber(String acadVer) {
        if (acadVer == null) {
            return -1;
        }
        String version = acadVer.trim();
        if (version.length() < 3 || !version.regionMatches(true, 0, "AC", 0, 2)) {
            return -1;
        }
        try {
            return Integer.parseInt(version.substring(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return e.g. {@code windows-1251} or {@code UTF-8, else windows-1252} */
    public String description() {
        return utf8WithFallback ? "UTF-8, else windows-1252" : charset.name();
    }

    /** @return the charset, empty for the UTF-8-else-windows-1252 decoder */
    public Optional<Charset> charset() {
        return utf8WithFallback ? Optional.empty() : Optional.of(charset);
    }

    /** @return the text of {@code length} bytes from {@code offset} */
    public String decode(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        boolean backslash = false;
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
                break;
            }
            if (b == '\\') {
                backslash = true;
            }
        }
        if (ascii) {
            String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            return decodeEscapes && backslash ? decodeEscapes(text) : text;
        }
        String text = decodeNonAscii(bytes, offset, length);
        return decodeEscapes && text.indexOf('\\') >= 0 ? decodeEscapes(text) : text;
    }

    private String decodeNonAscii(byte[] bytes, int offset, int length) {
        if (!utf8WithFallback) {
            return new String(bytes, offset, length, charset);
        }
        if (strictUtf8 == null) {
            strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return strictUtf8.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, WINDOWS_1252);
        }
    }

    /**
     * @param raw a string read by the {@link #raw()} decoder (one char per byte)
     * @return the same bytes decoded by this decoder
     */
    public String redecode(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Replaces {@code \U+XXXX} (a UTF-16 code unit, so surrogate pairs come as two escapes) and {@code \M+nXXXX} (a
     * double-byte character of the Asian code page {@code n}, see {@link DxfCodePages#forMbcsEscape(int)}) by the
     * character. Anything else, including malformed escapes and MTEXT formatting codes, is left as it is.
     *
     * @return the text with escapes decoded
     */
    public static String decodeEscapes(String text) {
        int backslash = text.indexOf('\\');
        if (backslash < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (backslash >= 0) {
            int next = backslash + 1;
            if (isUnicodeEscape(text, backslash)) {
                out.append(text, copied, backslash).append((char) Integer.parseInt(text, backslash + 3,
                        backslash + 7, 16));
                copied = next = backslash + 7;
            } else if (isMbcsEscape(text, backslash)) {
                String character = decodeMbcs(text, backslash);
                if (character != null) {
                    out.append(text, copied, backslash).append(character);
                    copied = next = backslash + 8;
                }
            }
            backslash = text.indexOf('\\', next);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isUnicodeEscape(String text, int at) {
        return at + 7 <= text.length() && text.charAt(at + 1) == 'U' && text.charAt(at + 2) == '+'
                && isHex(text, at + 3, at + 7);
    }

    private static boolean isMbcsEscape(String text, int at) {
        return at + 8 <= text.length() && text.charAt(at + 1) == 'M' && text.charAt(at + 2) == '+'
                && text.charAt(at + 3) >= '1' && text.charAt(at + 3) <= '5' && isHex(text, at + 4, at + 8);
    }

    private static String decodeMbcs(String text, int at) {
        Optional<Charset> charset = DxfCodePages.forMbcsEscape(text.charAt(at + 3) - '0');
        if (charset.isEmpty()) {
            return null;
        }
        int code = Integer.parseInt(text, at + 4, at + 8, 16);
        byte[] bytes = code > 0xFF ? new byte[] {(byte) (code >> 8), (byte) code} : new byte[] {(byte) code};
        String decoded = new String(bytes, charset.get());
        return decoded.indexOf('\uFFFD') >= 0 ? null : decoded;
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
