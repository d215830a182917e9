/** A user's application, on the module path: it requires every published finetune4j module by its name. */
module com.example.vacuum {
    requires io.github.finetune4j.core;
    requires io.github.finetune4j.openai;
    requires io.github.finetune4j.azure;
    requires io.github.finetune4j.together;
    requires io.github.finetune4j.eval;
    requires io.github.finetune4j.migrate;
    requires io.github.finetune4j.testkit;
    requires io.github.finetune4j.cli;          // an automatic module: its jar names itself in the manifest
}
