package io.github.finetune4j.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Writes a deterministic synthetic chat corpus: German and English support conversations with umlauts, emoji, code
 * blocks and numbers, one to four turns each, the same system prompt in every example, and otherwise mostly unique
 * strings; about one example in 200 carries an e-mail address or a phone number.
 *
 * <pre>{@code java -cp ... io.github.finetune4j.bench.CorpusGenerator target/corpus.jsonl 200 42}</pre>
 */
public final class CorpusGenerator {
    static final String SYSTEM_PROMPT = "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger"
            + " T-1000. Antworte freundlich, präzise und in der Sprache der Frage (Deutsch oder Englisch). You are the"
            + " support assistant of the T-1000 vacuum cleaner: never promise refunds, never ask for passwords, and"
            + " point to the manual (Kapitel 4: Filter & Wartung) when the user's question is about maintenance.";

    private static final String[] DE = ("Staubsauger Filter Größe Straße Übung Äpfel Öffnungszeiten Müller"
            + " Fußgängerzone Bürgersteig Käsespätzle Brötchen Gerät Saugleistung Düse Bürste Akku Ladestation"
            + " Garantie Rücksendung Kundennummer Bestellung Lieferung Störung Geräusch Schlauch Beutel Tierhaare"
            + " Teppich Parkett Fliesen Küche Wohnzimmer Schlafzimmer Treppe Flur Reinigung Wartung Ersatzteil"
            + " warum wieso funktioniert nicht mehr richtig leider schnell langsam laut leise heiß kalt schön"
            + " bitte danke gerne natürlich ungefähr täglich wöchentlich zuverlässig ärgerlich übermäßig"
            + " prüfen reinigen austauschen bestellen zurückschicken aufladen einschalten ausschalten überprüfen"
            + " der die das ein eine und oder aber mit ohne für über unter nach vor bei seit während"
            + " ich du er sie wir ihr mein dein sein unser Sie Ihnen Ihr").split(" ");
    private static final String[] EN = ("vacuum filter suction nozzle brush battery charger warranty refund order"
            + " delivery noise hose bag pet hair carpet hardwood tiles kitchen living room stairs hallway cleaning"
            + " maintenance spare part why how does it doesn't work anymore properly unfortunately quickly slowly"
            + " loud quiet hot cold please thanks of course roughly daily weekly reliable annoying excessive check"
            + " clean replace return charge switch on off the a an and or but with without for over under after"
            + " before at since during I you he she we they my your our their it's can't won't I've we're").split(" ");
    private static final String[] EMOJI = {"👍", "😀", "🎉", "🚀", "🙈", "❤️", "👨‍👩‍👧‍👦", "🇩🇪", "🧀", "☕️", "🤔",
        "🔧", "🧹", "⚡", "✅", "❌", "🐶", "🐱", "👋🏽", "💡"};
    private static final String[] CODE = {
        "```java\nvacuum.setPower(Power.MAX);\nif (filter.isClogged()) {\n    filter.clean();\n}\n```",
        "```python\nfor room in rooms:\n    robot.clean(room, mode=\"eco\")  # {n} min\n```",
        "```json\n{\"device\": \"T-1000\", \"firmware\": \"2.{n}.1\", \"errors\": [\"E{n}\"]}\n```",
        "```bash\n$ t1000-cli status --verbose | grep -i filter\nFilter: {n}% verschmutzt\n```",
        "`SELECT * FROM orders WHERE customer_id = {n} AND status = 'offen';`"};
    private static final String[] NAMES = {"erika.mustermann", "max.muster", "j.doe", "anna-lena", "k.schulz",
        "tom.baker", "lisa_m", "o.yilmaz"};
    private static final String[] DOMAINS = {"example.de", "example.com", "mail.example.org", "firma.example.net"};

    private CorpusGenerator() {
    }

    /**
     * Entry point.
     *
     * @param args target file, size in MB (10^6 bytes), seed
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        long megabytes = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long examples = generate(target, megabytes * 1_000_000L, seed);
        System.out.println("wrote " + examples + " examples, " + Files.size(target) + " bytes to " + target);
    }

    /**
     * Writes the corpus unless a file of at least the size exists already (generation is deterministic).
     *
     * @param target the file
     * @param bytes the minimum size
     * @param seed the seed
     * @return examples written, or -1 if the file was reused
     * @throws IOException if writing fails
     */
    static long ensure(Path target, long bytes, long seed) throws IOException {
        Path marker = target.resolveSibling(target.getFileName() + ".seed-" + seed);
        if (Files.exists(target) && Files.exists(marker) && Files.size(target) >= bytes) {
            return -1;
        }
        long n = generate(target, bytes, seed);
        Files.writeString(marker, Long.toString(n));
        return n;
    }

    /**
     * Writes at least {@code bytes} bytes of examples.
     *
     * @param target the file
     * @param bytes the minimum size
     * @param seed the seed
     * @return examples written
     * @throws IOException if writing fails
     */
    public static long generate(Path target, long bytes, long seed) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        SplittableRandom random = new SplittableRandom(seed);
        JsonFactory factory = new JsonFactory();
        long examples = 0;
        try (CountingStream counting = new CountingStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20));
             JsonGenerator g = factory.createGenerator(counting, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            while (counting.count < bytes) {
                example(g, random, examples);
                g.writeRaw('\n');
                examples++;
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        return examples;
    }

    static void example(JsonGenerator g, SplittableRandom random, long index) throws IOException {
        boolean german = random.nextInt(10) < 6;
        int turns = 1 + random.nextInt(4);
        g.writeStartObject();
        g.writeArrayFieldStart("messages");
        message(g, "system", SYSTEM_PROMPT);
        for (int t = 0; t < turns; t++) {
            StringBuilder user = new StringBuilder();
            sentences(user, random, german, 1 + random.nextInt(3), t == 0 ? "?" : ".");
            if (random.nextInt(200) == 0) {
                user.append(random.nextBoolean() ? " Meine Mail: " + NAMES[random.nextInt(NAMES.length)] + "@"
                        + DOMAINS[random.nextInt(DOMAINS.length)] : " Tel. +49 " + (30 + random.nextInt(60)) + " "
                        + (1_000_000 + random.nextInt(8_999_999)));
            }
            message(g, "user", user.toString());
            StringBuilder answer = new StringBuilder();
            sentences(answer, random, german, 2 + random.nextInt(5), ".");
            if (random.nextInt(6) == 0) {
                answer.append("\n\n").append(CODE[random.nextInt(CODE.length)]
                        .replace("{n}", Integer.toString(random.nextInt(1000))));
            }
            message(g, "assistant", answer.toString());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String role, String content) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("content", content);
        g.writeEndObject();
    }

    private static void sentences(StringBuilder sb, SplittableRandom random, boolean german, int count, String end) {
        String[] words = german ? DE : EN;
        for (int s = 0; s < count; s++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            int length = 5 + random.nextInt(14);
            for (int w = 0; w < length; w++) {
                String word = words[random.nextInt(words.length)];
                if (w == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                } else {
                    sb.append(' ');
                }
                sb.append(word);
                int extra = random.nextInt(40);
                if (extra == 0) {
                    sb.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
                } else if (extra == 1) {
                    sb.append(' ').append(random.nextInt(100_000));
                } else if (extra == 2) {
                    sb.append(", ");
                    sb.append(random.nextInt(100)).append(random.nextBoolean() ? " %" : " €");
                } else if (extra == 3) {
                    sb.append(" (").append(words[random.nextInt(words.length)]).append(')');
                }
            }
            sb.append(s == count - 1 ? end : random.nextInt(8) == 0 ? "!" : ".");
        }
    }

    /** Counts the bytes written. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
