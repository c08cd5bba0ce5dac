/**
 * Streaming reader for ASCII and binary DXF (R12 to R2018): group-code/value pairs ({@link
 * io.sinter.connector.dxf.internal.reader.DxfPairReader}), text decoding ({@link
 * io.sinter.connector.dxf.internal.reader.DxfTextDecoder}) and the section structure ({@link
 * io.sinter.connector.dxf.internal.reader.DxfReader}). Private to the DXF connector bundle; entity-to-element
 * mapping and geometry are built on top of the generic records produced here.
 */
package io.sinter.connector.dxf.internal.reader;
