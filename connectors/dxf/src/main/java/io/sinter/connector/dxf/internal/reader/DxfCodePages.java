package io.sinter.connector.dxf.internal.reader;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps the code page names of {@code $DWGCODEPAGE} (and the {@code \M+n} escape numbers) to Java charsets. */
public final class DxfCodePages {
    /** Windows "ANSI" code pages whose Java name is not {@code windows-NNNN}. */
    private static final Map<String, String> ANSI = Map.of(
            "874", "x-windows-874",
            "932", "windows-31j",
            "936", "GBK",
            "949", "x-windows-949",
            "950", "x-windows-950",
            "1361", "x-Johab");
    private static final Map<String, String> NAMED = Map.of(
            "MACINTOSH", "x-MacRoman",
            "BIG5", "Big5",
            "GB2312", "GB2312",
            "KSC5601", "EUC-KR",
            "JOHAB", "x-Johab",
            "UTF8", "UTF-8",
            "UTF-8", "UTF-8",
            "DOS932", "windows-31j");

    private DxfCodePages() {
    }

    /**
     * @param dwgCodePage a {@code $DWGCODEPAGE} value such as {@code ANSI_1252}, {@code ansi_1251}, {@code dos850},
     *                    {@code ISO8859-2}, {@code BIG5}
     * @return the Java charset, or empty when the name is unknown or the JVM lacks the charset
     */
    public static Optional<Charset> charsetFor(String dwgCodePage) {
        String name = dwgCodePage.trim().toUpperCase(Locale.ROOT);
        String javaName = NAMED.get(name);
        if (javaName == null && name.startsWith("ANSI_")) {
            String number = name.substring("ANSI_".length());
            javaName = ANSI.getOrDefault(number, "windows-" + number);
        } else if (javaName == null && name.startsWith("DOS")) {
            javaName = "IBM" + name.substring("DOS".length());
        } else if (javaName == null && name.startsWith("ISO8859-")) {
            javaName = "ISO-8859-" + name.substring("ISO8859-".length());
        } else if (javaName == null && name.startsWith("ISO_8859_")) {
            javaName = "ISO-8859-" + name.substring("ISO_8859_".length());
        }
        return javaName == null ? Optional.empty() : lookup(javaName);
    }

    /**
     * @param number the {@code n} of an MTEXT/TEXT escape {@code \M+nXXXX}: 1 Japanese (932), 2 Traditional Chinese
     *               (950), 3 Korean Wansung (949), 4 Korean Johab (1361), 5 Simplified Chinese (936)
     * @return the charset of that double-byte code page, or empty
     */
    public static Optional<Charset> forMbcsEscape(int number) {
        return switch (number) {
            case 1 -> lookup("windows-31j");
            case 2 -> lookup("x-windows-950");
            case 3 -> lookup("x-windows-949");
            case 4 -> lookup("x-Johab");
            case 5 -> lookup("GBK");
            default -> Optional.empty();
        };
    }

    private static Optional<Charset> lookup(String javaName) {
        try {
            return Optional.of(Charset.forName(javaName));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
