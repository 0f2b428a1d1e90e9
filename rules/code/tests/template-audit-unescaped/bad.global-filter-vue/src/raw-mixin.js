// A mixin whose computed $clean shadows the application's global of that name in every component using it.
export default {
  computed: {
    $clean() {
      return { text: (t) => t };
    },
  },
};
