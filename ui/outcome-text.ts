/** The outcome sentences live in core (one definition for every host); re-exported for the pane. */
export * from '../core/operations/messages.js';
