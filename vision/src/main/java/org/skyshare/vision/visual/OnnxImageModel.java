package org.skyshare.vision.visual;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One ONNX model with a single image input (NCHW float) run through DJL's ONNX Runtime engine, offline.
 * Calls are serialised: an ONNX Runtime predictor is not safe to share between threads.
 */
public final class OnnxImageModel implements AutoCloseable {
    /** A model output: values in row-major order and the tensor's shape. */
    public record Output(float[] values, long[] shape) {
    }

    private final Path file;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private OnnxImageModel(Path file, ZooModel<NDList, NDList> model) {
        this.file = file;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads an ONNX file; {@code what} names the model in error messages ("fire/smoke model"). */
    public static OnnxImageModel load(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("The " + what + " file " + file.toAbsolutePath()
                    + " does not exist or is not a file; expected an ONNX model (.onnx).");
        }
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(file.toAbsolutePath())
                    .optEngine("OnnxRuntime")
                    .optTranslator(new NoopTranslator())
                    .build();
            return new OnnxImageModel(file, criteria.loadModel());
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelLoadException("The " + what + " file " + file.toAbsolutePath()
                    + " is not a readable ONNX model (" + rootMessage(e) + ").", e);
        }
    }

    /**
     * Loads a model shipped on the class path. ONNX Runtime wants a file, so the bytes go to a folder under
     * {@code java.io.tmpdir} (the launcher points it at the project's state folder).
     */
    public static OnnxImageModel loadResource(String resource, String what) {
        try (InputStream in = OnnxImageModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException("The built-in " + what + " (" + resource
                        + ") is missing from the class path; rebuild the vision module.");
            }
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "skyshare-models"));
            Path tmp = Files.createTempFile(dir, "model", ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1)
                    .replace(".onnx", "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".onnx"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            target.toFile().deleteOnExit();
            return load(target, "built-in " + what);
        } catch (IOException e) {
            throw new ModelLoadException("Could not unpack the built-in " + what + " into "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs the model on one NCHW image ({@code 1 x channels x height x width}); returns the first output. */
    public Output run(float[] chw, int channels, int height, int width) {
        return runAll(chw, channels, height, width).get(0);
    }

    /** Runs the model on one NCHW image; returns every output, in the graph's order. */
    public synchronized List<Output> runAll(float[] chw, int channels, int height, int width) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(chw, new Shape(1, channels, height, width));
            NDList out = predictor.predict(new NDList(input));
            List<Output> outputs = new ArrayList<>(out.size());
            for (NDArray array : out) {
                outputs.add(new Output(array.toFloatArray(), array.getShape().getShape()));
            }
            return outputs;
        } catch (TranslateException | RuntimeException e) {
            throw new IllegalStateException("Model " + file + " failed on a " + width + "x" + height
                    + " input: " + rootMessage(e), e);
        }
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }
}
