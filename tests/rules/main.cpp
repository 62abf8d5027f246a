#define BOOST_TEST_MODULE esfdraft rules
#include <boost/test/unit_test.hpp>
