// tlspp.hpp: the whole public API.
#pragma once

#include "tlspp/config.hpp"
#include "tlspp/connection.hpp"
#include "tlspp/error.hpp"
#include "tlspp/observer.hpp"
#include "tlspp/random.hpp"
#include "tlspp/result.hpp"
#include "tlspp/trust.hpp"
#include "tlspp/types.hpp"
