package io.journeyflow.state.bootstrap;

/** One row of a CRM export that cannot become a profile; the reader can go on with the next row. */
public final class CrmRowException extends RuntimeException {

    private final long line;

    public CrmRowException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
