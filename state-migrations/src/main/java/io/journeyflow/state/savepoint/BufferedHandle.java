package io.journeyflow.state.savepoint;

import java.io.IOException;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.runtime.state.KeyGroupsStateHandle;

/**
 * A key-group state handle whose stream reads ahead. Flink's reader of the canonical format takes each entry's length
 * and bytes in small reads, and a local file's stream turns every one of them into a system call: twenty million
 * entries make about a hundred million calls. Its key groups lie one after the other in the file, so the seek to the
 * next key group's offset almost always lands inside the buffer.
 */
final class BufferedHandle extends KeyGroupsStateHandle {

    private static final long serialVersionUID = 1L;
    private static final int BUFFER_BYTES = 1 << 16;

    BufferedHandle(KeyGroupsStateHandle handle) {
        super(handle.getGroupRangeOffsets(), handle.getDelegateStateHandle());
    }

    @Override
    public FSDataInputStream openInputStream() throws IOException {
        return new ReadAhead(super.openInputStream());
    }

    private static final class ReadAhead extends FSDataInputStream {

        private final FSDataInputStream in;
        private final byte[] buffer = new byte[BUFFER_BYTES];
        /** Where {@code buffer[0]} is in the file. */
        private long bufferStart;
        private int filled;
        private int next;

        ReadAhead(FSDataInputStream in) throws IOException {
            this.in = in;
            this.bufferStart = in.getPos();
        }

        @Override
        public void seek(long position) throws IOException {
            if (position >= bufferStart && position <= bufferStart + filled) {
                next = (int) (position - bufferStart);
                return;
            }
            in.seek(position);
            bufferStart = position;
            filled = 0;
            next = 0;
        }

        @Override
        public long getPos() {
            return bufferStart + next;
        }

        @Override
        public int read() throws IOException {
            if (next == filled && !refill()) {
                return -1;
            }
            return buffer[next++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (next == filled && !refill()) {
                return -1;
            }
            int copied = Math.min(length, filled - next);
            System.arraycopy(buffer, next, target, offset, copied);
            next += copied;
            return copied;
        }

        private boolean refill() throws IOException {
            bufferStart += filled;
            next = 0;
            filled = Math.max(0, in.read(buffer, 0, buffer.length));
            return filled > 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
