package io.sinter.connector.dxf.internal.reader;

/** The two physical encodings of a DXF file. */
public enum DxfFormat {
    /** Text: one group code line, one value line, repeated. */
    ASCII,
    /** Binary DXF, recognised by the sentinel {@code "AutoCAD Binary DXF\r\n\u001a\0"}. */
    BINARY
}
