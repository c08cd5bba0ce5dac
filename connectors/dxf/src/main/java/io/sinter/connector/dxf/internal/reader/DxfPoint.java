package io.sinter.connector.dxf.internal.reader;

/** A 3D point or vector as written in DXF (groups 1x/2x/3x); {@code z} is 0 when the file gives only x and y. */
public record DxfPoint(double x, double y, double z) {
}
