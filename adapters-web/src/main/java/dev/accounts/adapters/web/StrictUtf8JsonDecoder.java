package dev.accounts.adapters.web;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON in UTF-8 only, and only in valid UTF-8, as RFC 8259 asks of JSON exchanged between systems. Jackson
 * accepts overlong encodings ({@code C0 AF} for {@code /}) and guesses UTF-16 and UTF-32, so a character can
 * reach the rules in a form no check expected; the JDK's decoder refuses all of them, so it looks first.
 */
final class StrictUtf8JsonDecoder extends JacksonJsonDecoder {

    StrictUtf8JsonDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
        try {
            requireUtf8(buffer.toByteBuffer(buffer.readPosition(), buffer.readableByteCount()));
        } catch (DecodingException notUtf8) {
            // The parent releases the buffer once it decodes; refused before that, it is released here or never.
            DataBufferUtils.release(buffer);
            throw notUtf8;
        }
        return super.decode(buffer, targetType, mimeType, hints);
    }

    /** A copy of the whole body (16 KiB at most), so that no character is split between a buffer's parts. */
    private static void requireUtf8(ByteBuffer body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(body);
        } catch (CharacterCodingException notUtf8) {
            throw new DecodingException("The request body is not valid UTF-8", notUtf8);
        }
    }
}
