/** The drag data type palette items set; its data is the layer kind. The canvas accepts it on drop. */
export const LAYER_DRAG_TYPE = 'application/netloom-layer';
