/**
 * The DXF connector: {@link io.sinter.connector.dxf.internal.DxfConnector} maps the entities that the streaming
 * {@link io.sinter.connector.dxf.internal.reader reader} produces to elements, with geometry from
 * {@link io.sinter.connector.dxf.internal.geometry}. Private to the bundle.
 */
package io.sinter.connector.dxf.internal;
