package io.sinter.connector.dxf.internal.geometry;

import java.util.Arrays;

/** A growable list of 3D points stored as x, y, z triples. */
final class PointList {
    private double[] xyz = new double[48];
    private int count;

    void add(double x, double y, double z) {
        if (count * 3 + 3 > xyz.length) {
            xyz = Arrays.copyOf(xyz, xyz.length * 2);
        }
        xyz[count * 3] = x;
        xyz[count * 3 + 1] = y;
        xyz[count * 3 + 2] = z;
        count++;
    }

    int size() {
        return count;
    }

    double x(int i) {
        return xyz[i * 3];
    }

    double y(int i) {
        return xyz[i * 3 + 1];
    }

    double z(int i) {
        return xyz[i * 3 + 2];
    }

    void clear() {
        count = 0;
    }

    /** @return the points mapped by {@code map}, as a new array of {@code size() * 3} coordinates */
    double[] mapped(Affine map) {
        double[] out = new double[count * 3];
        for (int i = 0; i < count; i++) {
            map.apply(xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2], out, i * 3);
        }
        return out;
    }
}
