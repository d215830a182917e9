package io.github.finetune4j.examples.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A link in a guide that leads nowhere is a broken promise too: every relative link and anchor must resolve. */
class GuideLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkOfTheGuidesLeadsToAFileAndHeadingThatExist() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path guide : Guides.all()) {
            boolean inFence = false;
            List<String> lines = Guides.lines(guide);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                Matcher link = LINK.matcher(lines.get(i));
                while (!inFence && link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;                                   // https:, mailto: ...
                    }
                    checked++;
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                    Path resolved = file.isEmpty() ? guide : guide.getParent().resolve(file).normalize();
                    String where = Guides.ROOT.relativize(guide) + ":" + (i + 1) + ": " + target;
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                            && !Guides.anchors(resolved).contains(anchor)) {
                        broken.add(where + " (no such heading; there are " + Guides.anchors(resolved) + ")");
                    }
                }
            }
        }

        assertThat(checked).as("relative links found").isGreaterThan(20);
        assertThat(broken).as("broken links").isEmpty();
    }
}
