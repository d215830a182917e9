package io.github.finetune4j.testkit.internal.together;

/**
 * The checked parameters of a Together fine-tune, with the service's defaults filled in. The secrets of the
 * request are not here: only whether a W&amp;B key and a Hub token were given. Immutable.
 */
final class TogetherJobParams {

    /** The learning rate when none is given. */
    static final double DEFAULT_LEARNING_RATE = 1e-5;

    final String trainingFile;
    final String validationFile;
    final TogetherModel model;
    final int nEpochs;
    final int nCheckpoints;
    final int nEvals;
    /** The batch size asked for, or null for "max". */
    final Integer batchSize;
    final double learningRate;
    final String schedulerType;
    final double minLrRatio;
    /** The cosine cycles, or null for the linear scheduler. */
    final Double numCycles;
    final double warmupRatio;
    final double maxGradNorm;
    final double weightDecay;
    final Integer randomSeed;
    final String suffix;
    final boolean packing;
    final Integer maxSeqLength;
    final boolean wandbKeyGiven;
    final String wandbBaseUrl;
    final String wandbProjectName;
    final String wandbName;
    final String wandbEntity;
    /** True or false as asked, or null for "auto". */
    final Boolean trainOnInputs;
    final boolean dpo;
    final double dpoBeta;
    final double rpoAlpha;
    final double simpoGamma;
    final boolean dpoNormalize;
    final boolean dpoReferenceFree;
    final boolean lora;
    final int loraR;
    final int loraAlpha;
    final double loraDropout;
    final String loraModules;
    final String fromCheckpoint;
    final String fromHfModel;
    final String hfModelRevision;
    final String hfOutputRepoName;
    final boolean hfTokenGiven;

    private TogetherJobParams(Builder b) {
        trainingFile = b.trainingFile;
        validationFile = b.validationFile;
        model = b.model;
        nEpochs = b.nEpochs;
        nCheckpoints = b.nCheckpoints;
        nEvals = b.nEvals;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        schedulerType = b.schedulerType;
        minLrRatio = b.minLrRatio;
        numCycles = b.numCycles;
        warmupRatio = b.warmupRatio;
        maxGradNorm = b.maxGradNorm;
        weightDecay = b.weightDecay;
        randomSeed = b.randomSeed;
        suffix = b.suffix;
        packing = b.packing;
        maxSeqLength = b.maxSeqLength;
        wandbKeyGiven = b.wandbKeyGiven;
        wandbBaseUrl = b.wandbBaseUrl;
        wandbProjectName = b.wandbProjectName;
        wandbName = b.wandbName;
        wandbEntity = b.wandbEntity;
        trainOnInputs = b.trainOnInputs;
        dpo = b.dpo;
        dpoBeta = b.dpoBeta;
        rpoAlpha = b.rpoAlpha;
        simpoGamma = b.simpoGamma;
        dpoNormalize = b.dpoNormalize;
        dpoReferenceFree = b.dpoReferenceFree;
        lora = b.lora;
        loraR = b.loraR;
        loraAlpha = b.loraAlpha;
        loraDropout = b.loraDropout;
        loraModules = b.loraModules;
        fromCheckpoint = b.fromCheckpoint;
        fromHfModel = b.fromHfModel;
        hfModelRevision = b.hfModelRevision;
        hfOutputRepoName = b.hfOutputRepoName;
        hfTokenGiven = b.hfTokenGiven;
    }

    /** The batch size trained with: the one asked for, or the model's largest for "max". */
    int resolvedBatchSize() {
        if (batchSize != null) {
            return batchSize;
        }
        TogetherModel.Limits limits = lora ? model.lora() : model.full();
        return dpo ? limits.maxBatchDpo() : limits.maxBatch();
    }

    /** Filled in by {@link TogetherJobRequest}; not thread-safe. */
    static final class Builder {
        String trainingFile;
        String validationFile;
        TogetherModel model;
        int nEpochs;
        int nCheckpoints;
        int nEvals;
        Integer batchSize;
        double learningRate;
        String schedulerType = "linear";
        double minLrRatio;
        Double numCycles;
        double warmupRatio;
        double maxGradNorm = 1.0;
        double weightDecay;
        Integer randomSeed;
        String suffix;
        boolean packing = true;
        Integer maxSeqLength;
        boolean wandbKeyGiven;
        String wandbBaseUrl;
        String wandbProjectName;
        String wandbName;
        String wandbEntity;
        Boolean trainOnInputs;
        boolean dpo;
        double dpoBeta = 0.1;
        double rpoAlpha;
        double simpoGamma;
        boolean dpoNormalize;
        boolean dpoReferenceFree;
        boolean lora = true;
        int loraR;
        int loraAlpha;
        double loraDropout;
        String loraModules = "all-linear";
        String fromCheckpoint;
        String fromHfModel;
        String hfModelRevision;
        String hfOutputRepoName;
        boolean hfTokenGiven;

        TogetherJobParams build() {
            return new TogetherJobParams(this);
        }
    }
}
