/**
 * The CSV connector: {@link io.sinter.connector.csv.internal.CsvConnector} maps each row of a
 * delimited text file (comma, semicolon, tab or pipe; UTF-8 or a configured character set) to one
 * element of kind {@code Row}. Private to the bundle: nothing here is exported.
 */
package io.sinter.connector.csv.internal;
