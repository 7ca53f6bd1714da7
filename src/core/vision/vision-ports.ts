/*
 * What the vision steps need from a model, written from their side. Each port is one model
 * family; the adapters (adapters/vision/) run the models on the worker pool. Every input is the
 * asset's preview rendition as stored (JPEG or WebP bytes, already upright), never the original:
 * boxes are fractions of that upright picture, so they fit whatever size the viewer shows.
 */

/** A box as fractions (0..1) of the upright picture's width and height, from its top left. */
export interface RelativeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  box: RelativeBox;
  /** The detector's confidence, 0..1. */
  score: number;
  /** Unit-length vector: faces of one person lie close together (cosine distance). */
  embedding: Float32Array;
}

export interface FaceDetector {
  /** Changes when the model or its settings do: a step done with another version is done again. */
  readonly version: string;
  detectFaces(image: Uint8Array): Promise<DetectedFace[]>;
}

export interface DetectedObject {
  /** A name from the model's vocabulary (COCO classes: "person", "dog", "car", ...). */
  name: string;
  confidence: number;
  box: RelativeBox;
}

export interface ObjectDetector {
  readonly version: string;
  detectObjects(image: Uint8Array): Promise<DetectedObject[]>;
}

export interface ReadWord {
  text: string;
  box: RelativeBox;
  /** 0..1. */
  confidence: number;
}

export interface ReadText {
  text: string;
  words: ReadWord[];
}

export interface TextReader {
  readonly version: string;
  readText(image: Uint8Array): Promise<ReadText>;
}

/** Image and text in one space (CLIP): a text's vector lies near the vectors of its pictures. */
export interface ImageTextEmbedder {
  readonly version: string;
  embedImage(image: Uint8Array): Promise<Float32Array>;
  embedText(text: string): Promise<Float32Array>;
}

/**
 * A model that could not be loaded (missing or broken weights): the step fails with this
 * readable reason instead of being retried, and nothing else stops.
 */
export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}
