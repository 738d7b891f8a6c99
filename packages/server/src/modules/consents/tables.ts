export type ConsentsTables = {};
