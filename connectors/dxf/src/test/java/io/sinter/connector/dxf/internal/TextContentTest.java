package io.sinter.connector.dxf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextContentTest {
    @Test
    void removesMtextFormatting() {
        assertEquals("Line 1\nLine 2", TextContent.mtext("{\\C1;Line 1}\\P{\\fTimes New Roman|b0|i1;Line 2}"));
        assertEquals("H2O", TextContent.mtext("H\\H0.7x;\\A0;2\\A1;O"));
        assertEquals("width", TextContent.mtext("\\W0.8;\\T1.1;\\Q15;\\pxi-3,l3;width"));
        assertEquals("underlined", TextContent.mtext("\\Lunder\\llined"));
        assertEquals("3/4 in", TextContent.mtext("\\S3#4; in"));
        assertEquals("a\\b{c}", TextContent.mtext("a\\\\b\\{c\\}"));
    }

    @Test
    void replacesControlCodes() {
        assertEquals("90° ±5 ⌀10 100%", TextContent.controlCodes("90%%d %%p5 %%c10 100%%%"));
        assertEquals("plain", TextContent.controlCodes("%%uplain%%u"));
        assertEquals("A", TextContent.controlCodes("%%065"));
        assertEquals("no codes", TextContent.controlCodes("no codes"));
    }
}
