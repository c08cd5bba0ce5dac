/**
 * Geometry of DXF entities in world metres: object coordinate systems, block expansion, tessellation of arcs,
 * ellipses, bulges and NURBS curves, and the collection of one element's polylines and triangles into a placement
 * and element-local geometry.
 */
package io.sinter.connector.dxf.internal.geometry;
