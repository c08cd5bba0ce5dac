package io.sinter.connector.dxf.internal;

/**
 * Turns DXF text values into the text people read: MTEXT inline formatting codes are removed (paragraph breaks
 * become line breaks, stacked fractions become {@code a/b}), and the {@code %%} control codes of TEXT, ATTRIB and
 * MTEXT become their characters ({@code %%d} °, {@code %%p} ±, {@code %%c} ⌀; underline/overline toggles dropped).
 * Unicode escapes ({@code \U+XXXX}) are already decoded by the reader.
 */
final class TextContent {
    private TextContent() {
    }

    /** @return the plain text of an MTEXT value */
    static String mtext(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char code = raw.charAt(i + 1);
                switch (code) {
                    case 'P', 'N', 'X' -> {
                        out.append('\n');
                        i += 2;
                    }
                    case '~' -> {
                        out.append('\u00A0');
                        i += 2;
                    }
                    case '\\', '{', '}' -> {
                        out.append(code);
                        i += 2;
                    }
                    case 'L', 'l', 'O', 'o', 'K', 'k' -> i += 2;
                    case 'S' -> {
                        int end = argumentEnd(raw, i + 2);
                        out.append(stacked(raw.substring(i + 2, end)));
                        i = Math.min(n, end + 1);
                    }
                    case 'A', 'C', 'c', 'F', 'f', 'H', 'h', 'Q', 'q', 'T', 't', 'W', 'w', 'p' -> {
                        i = Math.min(n, argumentEnd(raw, i + 2) + 1);
                    }
                    default -> {
                        // an escape MTEXT does not define: keep the character, as AutoCAD shows it
                        out.append(code);
                        i += 2;
                    }
                }
            } else if (c == '{' || c == '}') {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return controlCodes(out.toString());
    }

    /** @return the index of the {@code ;} that ends a formatting argument starting at {@code from}, or the end */
    private static int argumentEnd(String raw, int from) {
        int end = raw.indexOf(';', from);
        return end < 0 ? raw.length() : end;
    }

    /** {@code 1^2}, {@code 1/2} and {@code 1#2} stack one part over the other; shown as {@code 1/2}. */
    private static String stacked(String argument) {
        StringBuilder out = new StringBuilder(argument.length());
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\' && i + 1 < argument.length()) {
                out.append(argument.charAt(++i));
            } else if (c == '^' || c == '#') {
                out.append('/');
            } else {
                out.append(c);
            }
        }
        return out.toString().replace("/ ", "/").trim();
    }

    /** @return the text with {@code %%} control codes replaced */
    static String controlCodes(String raw) {
        if (raw.indexOf("%%") < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        int i = 0;
        while (i < n) {
            if (raw.startsWith("%%", i) && i + 2 < n) {
                char code = Character.toLowerCase(raw.charAt(i + 2));
                switch (code) {
                    case 'd' -> out.append('°');
                    case 'p' -> out.append('±');
                    case 'c' -> out.append('⌀');
                    case '%' -> out.append('%');
                    case 'u', 'o', 'k' -> {
                        // underline, overline and strike-through toggles
                    }
                    default -> {
                        int end = i + 2;
                        while (end < n && end < i + 5 && Character.isDigit(raw.charAt(end))) {
                            end++;
                        }
                        if (end > i + 2) {
                            out.append((char) Integer.parseInt(raw.substring(i + 2, end)));
                            i = end;
                            continue;
                        }
                        out.append(raw, i, i + 3);
                    }
                }
                i += 3;
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return out.toString();
    }
}
