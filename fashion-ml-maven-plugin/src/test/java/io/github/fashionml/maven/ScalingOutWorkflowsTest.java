package io.github.fashionml.maven;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflows on the Scaling out page parse as YAML and wire plan, legs and gather together: as far as this
 * machine can check a CI configuration without running the CI.
 */
class ScalingOutWorkflowsTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final List<Map<String, Object>> workflows = new ArrayList<>();

    @BeforeAll
    static void parse() throws Exception {
        String page = Files.readString(Path.of("..").toAbsolutePath().normalize()
                .resolve("src/site/markdown/scaling-out.md"));
        Matcher m = YAML_BLOCK.matcher(page);
        while (m.find()) {
            workflows.add(new Yaml().load(m.group(1)));
        }
        assertEquals(2, workflows.size(), "the page shows a GitHub and a GitLab workflow");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertTrue(current instanceof Map, "no " + key + " in " + String.join(".", path));
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private static String steps(Object job) {
        return at(job, "steps").toString();
    }

    @Test
    void gitHubRunsThePlanThenAMatrixOfLegsThenOneGather() {
        Map<String, Object> gitHub = workflows.get(0);
        Map<String, Object> jobs = at(gitHub, "jobs");
        assertEquals(List.of("plan", "leg", "gather"), List.copyOf(jobs.keySet()));
        Object plan = jobs.get("plan");
        assertEquals("${{ steps.plan.outputs.legs }}", at(plan, "outputs", "legs"));
        assertTrue(steps(plan).contains("id=plan") && steps(plan).contains("fashion-ml:plan")
                && steps(plan).contains(">> \"$GITHUB_OUTPUT\""), steps(plan));

        Object leg = jobs.get("leg");
        assertEquals("plan", at(leg, "needs"));
        assertEquals("${{ fromJSON(needs.plan.outputs.legs) }}", at(leg, "strategy", "matrix", "leg"));
        assertTrue((Integer) at(leg, "strategy", "max-parallel") > 0);
        assertEquals(Boolean.FALSE, at(leg, "strategy", "fail-fast"));
        assertTrue(steps(leg).contains("-Dfashionml.modelNames=${{ matrix.leg }} -Dfashionml.publishLegs=true"),
                steps(leg));

        Object gather = jobs.get("gather");
        assertEquals(List.of("plan", "leg"), at(gather, "needs"));
        assertTrue(steps(gather).contains("verify site -Dfashionml.gather=true")
                && steps(gather).contains("summary.md >> \"$GITHUB_STEP_SUMMARY\""), steps(gather));
    }

    @Test
    void gitLabPlansAChildPipelineOfLegsAndGathersAfterIt() {
        Map<String, Object> gitLab = workflows.get(1);
        assertEquals(List.of("plan", "legs", "gather"), at(gitLab, "stages"));
        assertEquals("plan", at(gitLab, "plan", "stage"));
        assertTrue(at(gitLab, "plan", "script").toString().contains("fashion-ml:plan"));
        assertTrue(((List<?>) at(gitLab, "plan", "artifacts", "paths")).contains("legs.yml"));
        List<Map<String, Object>> include = at(gitLab, "legs", "trigger", "include");
        assertEquals(Map.of("artifact", "legs.yml", "job", "plan"), include.get(0));
        assertEquals("depend", at(gitLab, "legs", "trigger", "strategy"));
        assertEquals("gather", at(gitLab, "gather", "stage"));
        assertTrue(at(gitLab, "gather", "script").toString().contains("-Dfashionml.gather=true"));
    }

    @Test
    void theChildPipelineThePlanJobWritesIsValidYamlWithOneJobPerLeg() throws Exception {
        // Run the plan job's printf lines for two legs, as its shell would, and parse the result.
        StringBuilder child = new StringBuilder();
        child.append(".leg:\n  image: maven:3.9-eclipse-temurin-17\n  script:\n");
        child.append("    - mvn -B -s ci/settings.xml verify -Dfashionml.modelNames=$LEG -Dfashionml.publishLegs=true "
                + "\"-Dfashionml.legRepository=$LEGS\"\n");
        for (String leg : List.of("cnn", "dnn_lr0.001_seed1")) {
            child.append(String.format("leg-%s:\n  extends: .leg\n  variables:\n    LEG: \"%s\"\n", leg, leg));
        }
        String script = at(workflows.get(1), "plan", "script").toString();
        assertTrue(script.contains("printf 'leg-%s:\\n  extends: .leg\\n  variables:\\n    LEG: \"%s\"\\n'"), script);
        Map<String, Object> jobs = new Yaml().load(child.toString());
        assertEquals(List.of(".leg", "leg-cnn", "leg-dnn_lr0.001_seed1"), List.copyOf(jobs.keySet()));
        assertEquals("dnn_lr0.001_seed1", at(jobs.get("leg-dnn_lr0.001_seed1"), "variables", "LEG"));
    }
}
