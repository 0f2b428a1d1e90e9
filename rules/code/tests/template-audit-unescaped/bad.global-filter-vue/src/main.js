import Vue from 'vue';
import App from './App.vue';
import * as filters from './filters.js';
import * as format from './format.js';
import * as clean from './clean.js';

Vue.prototype.$filters = filters;
Vue.prototype.$clean = clean;
// A global bound to an object the code builds: its functions are not read.
Vue.prototype.$format = { bold: format.bold };
new Vue({ render: (h) => h(App) }).$mount('#app');
