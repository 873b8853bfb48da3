package dev.mocks3.core.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrcCombinationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CRC32", "CRC32C", "CRC64NVME"})
    void combiningThePartsCrcsGivesTheCrcOfTheWhole(ChecksumAlgorithm algorithm) {
        Random random = new Random(42);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        random.nextBytes(data);
        // parts of every shape: empty, one byte, odd sizes, a large one
        int[] cuts = {0, 0, 1, 1000, 1001, 2 * 1024 * 1024, data.length};
        CrcCombination combination = CrcCombination.of(algorithm);
        byte[] combined = crc(algorithm, Arrays.copyOfRange(data, cuts[0], cuts[1]));
        for (int i = 1; i + 1 < cuts.length; i++) {
            byte[] part = Arrays.copyOfRange(data, cuts[i], cuts[i + 1]);
            combined = combination.combine(combined, crc(algorithm, part), part.length);
        }
        assertThat(HexFormat.of().formatHex(combined)).isEqualTo(HexFormat.of().formatHex(crc(algorithm, data)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CRC32", "CRC64NVME"})
    void theStandardCheckStringSplitInTwoCombinesToItsCheckValue(ChecksumAlgorithm algorithm) {
        byte[] first = "1234".getBytes();
        byte[] second = "56789".getBytes();
        byte[] combined = CrcCombination.of(algorithm).combine(crc(algorithm, first), crc(algorithm, second), second.length);
        assertThat(HexFormat.of().formatHex(combined))
                .isEqualTo(algorithm == ChecksumAlgorithm.CRC32 ? "cbf43926" : "ae8b14860a799888");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SHA1", "SHA256", "MD5"})
    void digestsHaveNoCombination(ChecksumAlgorithm algorithm) {
        assertThatThrownBy(() -> CrcCombination.of(algorithm)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] crc(ChecksumAlgorithm algorithm, byte[] bytes) {
        RunningChecksum checksum = algorithm.start();
        checksum.update(ByteBuffer.wrap(bytes));
        return checksum.finish();
    }
}
