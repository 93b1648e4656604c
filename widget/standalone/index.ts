// CoWIN's own "Know Your Vaccination Status" page; loaded only there (`config.standalone`).
export { showStandaloneIntro } from './standalone-intro';
