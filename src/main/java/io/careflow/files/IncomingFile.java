package io.careflow.files;

/**
 * A file a customer sent, as a channel read it: its name (never a path), media type, size in bytes
 * and content — {@code null} when the file was over the size cap, so it was never read whole.
 */
public record IncomingFile(String fileName, String mediaType, long sizeBytes, byte[] content) {}
