/** The drag data type palette items set; its data is the layer kind. The canvas accepts it on drop. */
export const LAYER_DRAG_TYPE = 'application/netloom-layer';

/** The drag data type of a palette block (TransformerEncoder); its data is the block's id. */
export const BLOCK_DRAG_TYPE = 'application/netloom-block';
